import { Link } from '../../../components';

const days = [
  { href: '/today', text: 'Today' },
  { href: '/today/tomorrow', text: 'Tomorrow' },
  { href: '/today/week', text: 'This week' },
] as const;

/** Today, tomorrow and the week, one tap apart. */
export function DayNav({ current }: { current: (typeof days)[number]['href'] }) {
  return (
    <nav className="app-day-nav" aria-label="Days">
      <ul className="app-day-nav__list">
        {days.map((day) => (
          <li key={day.href} className="app-day-nav__item">
            <Link className={`govuk-link app-day-nav__link${day.href === current ? ' app-day-nav__link--current' : ''}`} href={day.href} aria-current={day.href === current ? 'page' : undefined}>
              {day.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
