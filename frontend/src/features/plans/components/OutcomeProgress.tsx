import { cx } from '../../../components';
import { formatDate } from '../../../lib/format';
import { stepStatuses } from '../labels';
import { sortSteps, type StepData } from '../types';

export interface ProgressCounts {
  total: number;
  done: number;
  inProgress: number;
}

export function progressCounts(steps: readonly Pick<StepData, 'status'>[]): ProgressCounts {
  return {
    total: steps.length,
    done: steps.filter((step) => step.status === 'DONE').length,
    inProgress: steps.filter((step) => step.status === 'IN_PROGRESS').length,
  };
}

/** "2 of 5 steps done, 1 in progress" — the text the picture stands for. */
export function progressText({ total, done, inProgress }: ProgressCounts): string {
  if (total === 0) return 'No steps yet';
  const main = `${done} of ${total} ${total === 1 ? 'step' : 'steps'} done`;
  return inProgress > 0 ? `${main}, ${inProgress} in progress` : main;
}

const markers: Record<string, string> = { DONE: '✓', IN_PROGRESS: '…' };

/**
 * Progress on one outcome as a picture: a bar with a segment per step
 * (filled when done, striped when in progress) and the steps as a tracker
 * in order. The words say everything the picture shows: the bar is hidden
 * from screen readers, and each step's status is in its text.
 */
export function OutcomeProgress({ steps: given, idPrefix }: { steps: readonly StepData[]; idPrefix: string }) {
  const steps = sortSteps(given);
  const counts = progressCounts(steps);
  const percent = counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100);
  return (
    <div className="app-progress">
      <p className="govuk-body govuk-!-margin-bottom-2" id={`${idPrefix}-progress`}>
        <strong>{progressText(counts)}</strong>
      </p>
      {counts.total > 0 && (
        <>
          <div className="app-progress__bar" aria-hidden="true" data-percent={percent}>
            {steps.map((step) => (
              <span
                key={step.id}
                className={cx(
                  'app-progress__segment',
                  step.status === 'DONE' && 'app-progress__segment--done',
                  step.status === 'IN_PROGRESS' && 'app-progress__segment--in-progress',
                )}
              />
            ))}
          </div>
          <ol className="app-steps" aria-label="Steps">
            {steps.map((step, index) => {
              const status = step.status ?? 'NOT_STARTED';
              return (
                <li
                  key={step.id}
                  className={cx('app-steps__step', status === 'DONE' && 'app-steps__step--done', status === 'IN_PROGRESS' && 'app-steps__step--in-progress')}
                >
                  <span className="app-steps__marker" aria-hidden="true">
                    {markers[status] ?? index + 1}
                  </span>
                  <span className="app-steps__text">
                    {step.description || 'Step'}
                    <span className="app-steps__status">
                      {stepStatuses[status as keyof typeof stepStatuses] ?? status}
                      {step.targetDate && `, by ${formatDate(step.targetDate)}`}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
