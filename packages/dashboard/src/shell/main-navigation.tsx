import { NavLink } from 'react-router-dom';
import type { NavigationItem } from './navigation';

/** The pages the current role may see. The link to the current page carries aria-current="page". */
export function MainNavigation({ items }: { items: readonly NavigationItem[] }) {
  return (
    <nav className="main-nav" aria-label="Main">
      <ul className="main-nav__list">
        {items.map((item) => (
          <li key={item.id}>
            <NavLink to={item.path} className="main-nav__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
