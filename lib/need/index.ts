// Population need for occupational therapy (issue 9, part 1): the assumptions table and the pure
// calculation, shared by the API, the PCN page and the planner (in the browser).
export * from "./assumptions";
export * from "./calculate";
export * from "./planner";
