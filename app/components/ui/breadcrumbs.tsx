// NHS.UK breadcrumbs: the trail on wide screens, a "Back to …" link (the last item) on phones.
import Link from "next/link";

export function Breadcrumbs({ items }: { items: { href: string; text: string }[] }) {
  const last = items[items.length - 1];
  return (
    <nav className="nhsuk-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((i) => (
          <li className="nhsuk-breadcrumb__list-item" key={i.href}>
            <Link className="nhsuk-breadcrumb__link" href={i.href}>
              {i.text}
            </Link>
          </li>
        ))}
      </ol>
      {last ? (
        <Link className="nhsuk-back-link" href={last.href}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {last.text}
        </Link>
      ) : null}
    </nav>
  );
}
