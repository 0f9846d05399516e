// Taken (/taken): my open tasks, the ones I gave to colleagues, my last done ones, and for the team
// leader the open tasks of the whole team (so the team leader sees them without a Mijn dag of their
// own cases). Mijn dag shows only my open ones.
import { useRef } from 'react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useTasks, useTeamTasks, type Task } from './api';
import { NewTask } from './NewTask';
import { TaskList } from './TaskList';
import './tasks.css';

export function TasksPage() {
  const { can } = useAuth();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusTop = () => headingRef.current?.focus();
  return (
    <>
      <PageTitle title="Taken" />
      <Paragraph>
        Taken en herinneringen voor uzelf of een collega uit uw team, met een dag waarop ze klaar moeten zijn. Een taak bij een casus maakt u op de pagina van de casus.
      </Paragraph>
      <NewTask formId="taken-nieuw" caseId={null} />
      <TaskSection id="taken-mijn" title="Mijn open taken" query={useTasks('mine', 'open')} empty="U heeft geen open taken." headingRef={headingRef} focusAfter={focusTop} />
      <TaskSection id="taken-gegeven" title="Door mij gegeven, nog open" query={useTasks('given', 'open')} empty="Alle taken die u gaf zijn klaar." focusAfter={focusTop} />
      {can('team:overview') && <TeamTasks focusAfter={focusTop} />}
      <TaskSection id="taken-afgerond" title="Mijn laatst afgeronde taken" query={useTasks('mine', 'done')} empty="U heeft nog geen taken afgerond." focusAfter={focusTop} />
    </>
  );
}

function TeamTasks({ focusAfter }: { focusAfter: () => void }) {
  return <TaskSection id="taken-team" title="Open taken van het team" query={useTeamTasks()} empty="Niemand in het team heeft open taken." focusAfter={focusAfter} />;
}

function TaskSection({
  id,
  title,
  query,
  empty,
  headingRef,
  focusAfter,
}: {
  id: string;
  title: string;
  query: { data: Task[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  empty: string;
  headingRef?: React.Ref<HTMLHeadingElement>;
  focusAfter: () => void;
}) {
  const late = query.data?.filter((t) => t.overdue).length ?? 0;
  return (
    <section aria-labelledby={`${id}-title`} className="kt-section kt-tasks">
      <Heading2 id={`${id}-title`} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title} {query.data && <span className="kt-tasks__count">({query.data.length})</span>}
      </Heading2>
      <QueryStatus query={query} what="de taken">
        {(tasks) => (
          <>
            {late > 0 && <Paragraph className="kt-tasks__late-count">{late === 1 ? '1 taak is te laat.' : `${late} taken zijn te laat.`}</Paragraph>}
            <TaskList tasks={tasks} label={title} empty={empty} focusAfter={focusAfter} />
          </>
        )}
      </QueryStatus>
    </section>
  );
}
