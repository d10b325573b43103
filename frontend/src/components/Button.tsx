import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './classNames';
import { Link } from './Link';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'inverse';

const variantClass = (variant: ButtonVariant) => (variant === 'primary' ? undefined : `govuk-button--${variant}`);

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

/** govuk-button as a <button>; type defaults to "submit" as in GOV.UK's macro. */
export function Button({ variant = 'primary', className, type = 'submit', ...button }: ButtonProps) {
  return <button {...button} type={type} className={cx('govuk-button', variantClass(variant), className)} data-module="govuk-button" />;
}

export interface ButtonLinkProps {
  href: string;
  variant?: ButtonVariant;
  /** A start button, with the arrow: only for the start of a journey. */
  isStartButton?: boolean;
  className?: string;
  children: ReactNode;
}

/** A link styled as a button, for navigation that looks like an action. */
export function ButtonLink({ href, variant = 'primary', isStartButton, className, children }: ButtonLinkProps) {
  return (
    <Link href={href} role="button" draggable="false" className={cx('govuk-button', variantClass(variant), isStartButton && 'govuk-button--start', className)}>
      {children}
      {isStartButton && (
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      )}
    </Link>
  );
}

/** govuk-button-group: lines up buttons and links. */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
