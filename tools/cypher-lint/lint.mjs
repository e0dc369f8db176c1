// Check Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support),
// offline. Reads {statements: {name: cypher}, labels, relationshipTypes, propertyKeys} as JSON on stdin;
// prints each problem and the number of statements checked; exits 1 if any statement has a problem.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

let problems = 0;
const names = Object.keys(input.statements);
for (const name of names) {
  const cypher = input.statements[name];
  // Declare every $parameter the statement uses, so that only real problems are reported.
  const parameters = Object.fromEntries([...cypher.matchAll(/\$(\w+)/g)].map((m) => [m[1], '']));
  const schema = {
    labels: input.labels, relationshipTypes: input.relationshipTypes, propertyKeys: input.propertyKeys,
    parameters,
  };
  for (const d of lintCypherQuery(cypher, schema).diagnostics) {
    problems += 1;
    const kind = d.severity === 1 ? 'error' : 'warning';
    console.log(`${name}: ${kind} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  }
}
console.log(`checked ${names.length} Cypher statements with Neo4j's parser: ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
