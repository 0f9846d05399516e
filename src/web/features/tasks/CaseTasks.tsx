// The tasks of a case, for the case page: the open ones by due day (late ones marked), the done ones
// folded away, and a new task on the case when the user may change it (CaseDetail.mayWrite); the
// form opens from the case header's action "Nieuwe taak".
import { useRef } from 'react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { QueryStatus } from '../../app/QueryStatus';
import type { Disclosure } from '../../app/use-disclosure';
import { useCaseTasks } from './api';
import { NewTask } from './NewTask';
import { TaskList } from './TaskList';
import './tasks.css';

export function CaseTasks({ caseId, mayWrite, form }: { caseId: string; mayWrite: boolean; /** The case header's action "Nieuwe taak", which opens the form here. */ form?: Disclosure }) {
  const tasks = useCaseTasks(caseId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section aria-labelledby="casus-taken-title" className="kt-section kt-tasks">
      <Heading2 id="casus-taken-title" ref={headingRef} tabIndex={-1}>
        Taken
      </Heading2>
      <QueryStatus query={tasks} what="de taken">
        {(all) => {
          const open = all.filter((t) => !t.done);
          const done = all.filter((t) => t.done);
          const late = open.filter((t) => t.overdue).length;
          return (
            <>
              {late > 0 && <Paragraph className="kt-tasks__late-count">{late === 1 ? '1 taak is te laat.' : `${late} taken zijn te laat.`}</Paragraph>}
              <TaskList tasks={open} label="Open taken van deze casus" empty="Er staan geen open taken bij deze casus." withCase={false} mayWrite={mayWrite} focusAfter={() => headingRef.current?.focus()} />
              {done.length > 0 && (
                <details className="kt-tasks__done">
                  <summary>Afgeronde taken ({done.length})</summary>
                  <TaskList tasks={done} label="Afgeronde taken van deze casus" empty="" withCase={false} mayWrite={mayWrite} focusAfter={() => headingRef.current?.focus()} />
                </details>
              )}
            </>
          );
        }}
      </QueryStatus>
      {mayWrite && <NewTask formId="casus-taak" caseId={caseId} label="Nieuwe taak bij deze casus" form={form} />}
    </section>
  );
}
