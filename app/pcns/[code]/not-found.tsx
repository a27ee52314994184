import Link from "next/link";

export default function PcnNotFound() {
  return (
    <>
      <h1>PCN not found</h1>
      <p>There is no Primary Care Network with that code in the data this planner holds.</p>
      <p>
        PCN codes look like U12345. <Link href="/pcns">Search for the PCN by name, practice or ICB</Link>.
      </p>
    </>
  );
}
