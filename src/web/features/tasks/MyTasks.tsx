// "Mijn taken" on Mijn dag: my open tasks by due day (late ones marked), done with one click, and a
// new task. Everything else about tasks is on the page Taken (/taken).
import { useRef } from 'react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { RouterLink } from '../../app/links';
import { QueryStatus } from '../../app/QueryStatus';
import { useTasks } from './api';
import { NewTask } from './NewTask';
import { TaskList } from './TaskList';
import './tasks.css';

export function MyTasks() {
  const { can } = useAuth();
  const allowed = can('tasks:use');
  const tasks = useTasks('mine', 'open', allowed);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (!allowed) return null;
  return (
    <section aria-labelledby="mijn-taken-title" className="kt-section kt-tasks">
      <div className="kt-tasks__head">
        <Heading2 id="mijn-taken-title" ref={headingRef} tabIndex={-1} className="kt-tasks__title">
          Mijn taken {tasks.data && <span className="kt-tasks__count">({tasks.data.length})</span>}
        </Heading2>
        <RouterLink to="/taken">Alle taken</RouterLink>
      </div>
      <QueryStatus query={tasks} what="uw taken">
        {(open) => {
          const late = open.filter((t) => t.overdue).length;
          return (
            <>
              {late > 0 && <Paragraph className="kt-tasks__late-count">{late === 1 ? '1 taak is te laat.' : `${late} taken zijn te laat.`}</Paragraph>}
              <TaskList tasks={open} label="Mijn open taken" empty="U heeft geen open taken." focusAfter={() => headingRef.current?.focus()} />
            </>
          );
        }}
      </QueryStatus>
      <NewTask formId="mijn-dag-taak" caseId={null} />
    </section>
  );
}
