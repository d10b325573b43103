import { useEffect, useId, useRef, type ReactNode } from 'react';
import { cx } from './classNames';

export interface NotificationBannerProps {
  /** "success" after an action the user took; otherwise important information. */
  type?: 'important' | 'success';
  /** Defaults to "Important" or "Success". */
  title?: ReactNode;
  titleHeadingLevel?: 2 | 3 | 4;
  /** A success banner takes focus when shown, unless this is set. */
  disableAutoFocus?: boolean;
  children: ReactNode;
}

/**
 * govuk-notification-banner. A success banner is an alert and takes focus,
 * as govuk-frontend's script does; an important banner is a landmark region.
 */
export function NotificationBanner({ type = 'important', title, titleHeadingLevel = 2, disableAutoFocus, children }: NotificationBannerProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const success = type === 'success';
  const Heading = `h${titleHeadingLevel}` as const;

  useEffect(() => {
    if (success && !disableAutoFocus) ref.current?.focus();
  }, [success, disableAutoFocus]);

  return (
    <div
      ref={ref}
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success && !disableAutoFocus ? -1 : undefined}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <Heading className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </Heading>
      </div>
      <div className="govuk-notification-banner__content">{typeof children === 'string' ? <p className="govuk-notification-banner__heading">{children}</p> : children}</div>
    </div>
  );
}
