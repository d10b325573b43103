import type { ReactNode } from 'react';
import { cx } from './classNames';
import { Link } from './Link';
import { Tag, type TagColour } from './Tag';

export interface Task {
  title: string;
  /** Without an href the task cannot be started yet. */
  href?: string;
  hint?: ReactNode;
  /** A tag for statuses that need attention ("Incomplete"); plain text for "Completed" or "Cannot start yet". */
  status: { tag: { text: string; colour?: TagColour } } | { text: string };
}

/** govuk-task-list: the tasks of a longer job and the status of each. */
export function TaskList({ tasks, idPrefix = 'task-list' }: { tasks: readonly Task[]; idPrefix?: string }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task, index) => {
        const hintId = `${idPrefix}-${index + 1}-hint`;
        const statusId = `${idPrefix}-${index + 1}-status`;
        const cannotStart = !task.href;
        return (
          <li key={task.title} className={cx('govuk-task-list__item', task.href && 'govuk-task-list__item--with-link')}>
            <div className="govuk-task-list__name-and-hint">
              {task.href ? (
                <Link className="govuk-link govuk-task-list__link" href={task.href} aria-describedby={task.hint ? `${hintId} ${statusId}` : statusId}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint && (
                <div id={hintId} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              )}
            </div>
            <div className={cx('govuk-task-list__status', cannotStart && 'govuk-task-list__status--cannot-start-yet')} id={statusId}>
              {'tag' in task.status ? <Tag colour={task.status.tag.colour ?? 'blue'}>{task.status.tag.text}</Tag> : task.status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
