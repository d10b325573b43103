// Shared GOV.UK Design System components, written from govuk-frontend's
// Nunjucks templates. They know nothing of the router, GraphQL or features.
export { BackLink } from './BackLink';
export { Button, ButtonGroup, ButtonLink, type ButtonProps, type ButtonVariant } from './Button';
export { Checkboxes, type CheckboxesItem, type CheckboxOption } from './Checkboxes';
export { cx, describedBy } from './classNames';
export { DateInput, dateInputErrorTarget, emptyDate, type DatePart, type DateParts } from './DateInput';
export { Details } from './Details';
export { ErrorMessage } from './ErrorMessage';
export { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary';
export { Fieldset } from './Fieldset';
export { Footer } from './Footer';
export { Header } from './Header';
export { InsetText } from './InsetText';
export { Link, LinkProvider, type LinkComponentProps } from './Link';
export { NotificationBanner } from './NotificationBanner';
export { choiceId, Radios, type RadioOption, type RadiosItem } from './Radios';
export { Select, type SelectOption } from './Select';
export { ServiceNavigation, type ServiceNavigationItem } from './ServiceNavigation';
export { SkipLink } from './SkipLink';
export { SummaryCard } from './SummaryCard';
export { SummaryList, type SummaryAction, type SummaryRow } from './SummaryList';
export { StatusTag, Tag, humaniseStatus, planStatusTags, type PlanStatus, type TagColour } from './Tag';
export { Table, type TableColumn } from './Table';
export { TaskList, type Task } from './TaskList';
export { Textarea } from './Textarea';
export { TextInput } from './TextInput';
export { fromTablet, useMediaQuery } from './useMediaQuery';
export { WarningText } from './WarningText';
