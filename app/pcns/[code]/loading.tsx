export default function Loading() {
  return (
    <p className="nhsuk-body" role="status">
      Loading…
    </p>
  );
}
