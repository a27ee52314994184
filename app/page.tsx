export default function HomePage() {
  return <h1>ARRS Planner</h1>;
}
