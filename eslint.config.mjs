import next from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

const config = [
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "next-env.d.ts", "data/**"] },
  ...next,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: no framework, database, validation library, env or clock.
    files: ["lib/engine/**/*.ts", "lib/weighted-estimate/**/*.ts", "lib/need/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "@prisma/*", "zod", "@/lib/server/**", "@/lib/generated/*", "node:*", "fs", "path"], message: "lib/engine and lib/need must stay pure (see docs/decisions/001-pure-engine.md)." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "lib/engine must not read env." }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "lib/engine must not read the clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "lib/engine must not read the clock." },
      ],
    },
  },
  {
    // The optimiser's model is pure too: engine in, MILP out; the solver sits behind an interface.
    files: ["lib/optimiser/**/*.ts"],
    ignores: ["lib/optimiser/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "react", "react-dom", "@prisma/*", "zod", "@/lib/server/**", "@/lib/generated/*", "highs", "node:*"], message: "lib/optimiser must stay pure (see docs/decisions/013-optimiser.md)." }] },
      ],
    },
  },
  {
    // Tests may poke at untyped JSON responses.
    files: ["tests/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Pages and components never talk to Prisma directly.
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@prisma/*", "@/lib/generated/*"], message: "Use lib/server data access functions." }] }],
    },
  },
];

export default config;
