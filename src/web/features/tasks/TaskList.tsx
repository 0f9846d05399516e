// A list of tasks: what, by when (a late one marked "Te laat" in words and with a mark, not by colour
// alone), for whom and from whom, on which case; and the one-click button to mark it done or open it
// again. After the click the list says what happened, offers to undo it, and keeps focus in place.
import { useEffect, useRef, useState } from 'react';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useMe } from '../../app/auth';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { useSetTaskDone, type Task } from './api';

export interface TaskListProps {
  tasks: Task[];
  /** The list's name for screen readers, e.g. "Mijn open taken". */
  label: string;
  /** Shown when there are none. */
  empty: string;
  /** Leave out the case link (on the case page itself). */
  withCase?: boolean;
  /** Whether the page allows changes at all (a case the user only reads). */
  mayWrite?: boolean;
  /** Where focus goes when the task it was on leaves the list. */
  focusAfter?: () => void;
}

export function TaskList({ tasks, label, empty, withCase = true, mayWrite = true, focusAfter }: TaskListProps) {
  const setDone = useSetTaskDone();
  const [message, setMessage] = useState<{ text: string; undo?: { task: Task; done: boolean } } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  // The task leaves this list: once the message is on the page, focus goes to its undo button (or,
  // after an undo, where the caller says), so the keyboard stays where it was.
  const focusNext = useRef<'undo' | 'after' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'undo') undoRef.current?.focus();
    else if (focusNext.current === 'after') focusAfter?.();
    focusNext.current = null;
  }, [message, focusAfter]);

  async function change(task: Task, done: boolean, undoing = false) {
    setError(null);
    try {
      const after = await setDone.mutateAsync({ task, done });
      focusNext.current = undoing ? 'after' : 'undo';
      setMessage({ text: done ? `“${task.title}” is afgerond.` : `“${task.title}” staat weer open.`, undo: undoing ? undefined : { task: after, done: !done } });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'De taak is niet gewijzigd. Probeer het opnieuw.');
    }
  }

  return (
    <>
      <div role="status" className="kt-task-list__status">
        {message && (
          <Paragraph className="kt-task-list__message">
            {message.text}{' '}
            {message.undo && (
              <Button ref={undoRef} type="button" appearance="subtle-button" onClick={() => void change(message.undo!.task, message.undo!.done, true)}>
                Ongedaan maken
              </Button>
            )}
          </Paragraph>
        )}
      </div>
      {error && (
        <Paragraph role="alert" className="kt-task-list__error">
          {error}
        </Paragraph>
      )}
      {tasks.length === 0 ? (
        <Paragraph className="kt-muted">{empty}</Paragraph>
      ) : (
        <ul className="kt-task-list" aria-label={label}>
          {tasks.map((task) => (
            <TaskItem key={task.id} task={task} withCase={withCase} mayWrite={mayWrite && task.mayWrite} busy={setDone.isPending && setDone.variables?.task.id === task.id} onChange={(done) => void change(task, done)} />
          ))}
        </ul>
      )}
    </>
  );
}

function TaskItem({ task, withCase, mayWrite, busy, onChange }: { task: Task; withCase: boolean; mayWrite: boolean; busy: boolean; onChange: (done: boolean) => void }) {
  const me = useMe();
  const classes = ['kt-task', task.overdue ? 'kt-task--late' : '', task.done ? 'kt-task--done' : ''].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <div className="kt-task__main">
        <p className="kt-task__title">
          {task.overdue && (
            <strong className="kt-task__late">
              <span aria-hidden="true" className="kt-task__late-mark">
                !
              </span>{' '}
              Te laat:
            </strong>
          )}{' '}
          {task.title}
        </p>
        <p className="kt-task__facts">
          {task.done ? (
            <span>
              Afgerond <DateText value={task.doneAt} withTime />
              {task.doneBy && task.doneBy.id !== me.id ? ` door ${task.doneBy.name}` : ''}
            </span>
          ) : (
            <span>
              Klaar op <DateText value={task.dueOn} />
            </span>
          )}
          {task.assignee.id !== me.id && <span>Voor {task.assignee.name}</span>}
          {task.createdBy.id !== me.id && <span>Van {task.createdBy.name}</span>}
          {withCase && task.caseId && task.clientName && (
            <span>
              <RouterLink to={`/casussen/${task.caseId}`}>Casus van {task.clientName}</RouterLink>
            </span>
          )}
        </p>
        {task.description && <p className="kt-task__description">{task.description}</p>}
      </div>
      {mayWrite && (
        <div className="kt-task__action">
          {/* The name starts with the visible word (what speech users say) and names the task. */}
          <Button
            type="button"
            appearance={task.done ? 'subtle-button' : 'secondary-action-button'}
            busy={busy}
            disabled={busy}
            aria-label={`${task.done ? 'Weer openzetten' : 'Klaar'}: ${task.title}`}
            onClick={() => onChange(!task.done)}
          >
            {task.done ? 'Weer openzetten' : 'Klaar'}
          </Button>
        </div>
      )}
    </li>
  );
}
