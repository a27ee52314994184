// A plan with no existing posts (issue 16): its headroom is the whole entitlement, because the
// PCN's current ARRS team is not in it. Said beside the headroom, with the two ways to bring the
// team in: the spreadsheet import page, or adding the posts by hand.
export function EmptyTeamNote({ importHref }: { importHref: string }) {
  return (
    <p className="app-headline__note app-headline__empty-team" data-testid="empty-team">
      <span className="nhsuk-u-visually-hidden">Important: </span>
      <strong>Your current ARRS team is not in this plan, so the headroom shown is the whole entitlement.</strong>{" "}
      <a href={importHref}>Bring your team in from a spreadsheet</a> or <a href="#add-post">add its posts</a> as existing posts.
    </p>
  );
}
