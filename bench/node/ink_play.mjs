// Plays an ink story at random, as scripts/bench plays the same story in defuse: compile it
// with inkjs's compiler, then random playthroughs (ResetState), counting the choices taken in
// CPU time. Prints JSON: turns, runs, cpu_seconds, turns_per_second, compile_seconds.
import { readFileSync } from "node:fs";
import { Compiler } from "inkjs/compiler/Compiler";

const [file, secondsArg] = process.argv.slice(2);
const budget = Number(secondsArg || "1");
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const t0 = cpu();
const story = new Compiler(readFileSync(file, "utf8")).Compile();
const compileSeconds = cpu() - t0;
let seed = 1n;
const next = () => {
  seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
  return Number(seed >> 33n);
};
let turns = 0, runs = 0;
const start = cpu();
let elapsed = 0;
do {
  story.ResetState();
  while (true) {
    while (story.canContinue) story.Continue();
    const n = story.currentChoices.length;
    if (n === 0 || turns > 1e12) break;
    story.ChooseChoiceIndex(next() % n);
    turns++;
  }
  runs++;
  elapsed = cpu() - start;
} while (elapsed < budget);
console.log(JSON.stringify({ turns, runs, cpu_seconds: elapsed,
  turns_per_second: turns / elapsed, turns_per_run: turns / runs,
  compile_seconds: compileSeconds }));
