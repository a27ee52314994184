import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>If you typed the web address, check it is correct. If you pasted it, check you copied the whole address.</p>
      <p>
        <Link href="/">Go to the ARRS Planner home page</Link> or <Link href="/pcns">find a PCN</Link>.
      </p>
    </>
  );
}
