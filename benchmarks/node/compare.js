#!/usr/bin/env node
// Measures sab's event loop (JMH: EventLoopBenchmark, TimerMemoryBenchmark) and Node (the scripts
// beside this one) in the same run, on the same machine, and prints medians and ratios as a
// Markdown table for benchmarks/README.md.
//
//   JAVA_HOME=<a JDK 25> ./mvnw -q -pl benchmarks -am -DskipTests package
//   node benchmarks/node/compare.js            # from the repository root
//
// Environment: JAVA_HOME (else `java` on the PATH); JMH_ARGS to pass more options to JMH.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const jar = path.join(root, 'benchmarks', 'target', 'benchmarks.jar');
if (!fs.existsSync(jar)) {
  console.error('no ' + jar + ': build it first with ./mvnw -q -pl benchmarks -am -DskipTests package');
  process.exit(2);
}
const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });

// 1. sab, through JMH: per-iteration scores, so the median is over iterations
const out = path.join(os.tmpdir(), 'sab-eventloop-jmh-' + process.pid + '.json');
const jmhArgs = ['-jar', jar, 'EventLoopBenchmark|TimerMemoryBenchmark', '-rf', 'json', '-rff', out]
  .concat((process.env.JMH_ARGS || '').split(' ').filter(Boolean));
console.error('running JMH: ' + java + ' ' + jmhArgs.join(' '));
run(java, jmhArgs);
const jmh = JSON.parse(fs.readFileSync(out, 'utf8'));
fs.unlinkSync(out);
const sab = {};
for (const r of jmh) {
  const name = r.benchmark.split('.').pop();
  sab[name] = median(r.primaryMetric.rawData.flat());
  if (r.secondaryMetrics && r.secondaryMetrics.bytesPerTimer) {
    sab.bytesPerTimer = median(r.secondaryMetrics.bytesPerTimer.rawData.flat());
  }
}

// 2. Node, right after, on the same machine
const nodeJson = (script, args) => JSON.parse(run(process.execPath, [path.join(__dirname, script)].concat(args)).trim());
console.error('running node ' + process.version);
const immediate = () => nodeJson('immediate-hop.js', ['30']).median;
const node = {
  promiseHop: nodeJson('promise-hop.js', ['30']).median,
  immediateHop: immediate(),
  bytesPerTimer: median([1, 2, 3, 4, 5].map(() => JSON.parse(run(process.execPath, ['--expose-gc', path.join(__dirname, 'timer-memory.js')]).trim()).value)),
};

node.immediateHopWithOpenSocket = node.immediateHop; // Node's loop always watches descriptors: the same measurement

// 3. The table
const fmt = (v) => v >= 100 ? v.toFixed(0) : v.toFixed(1);
const rows = [
  ['promise microtask hop', 'ns', 'promiseHop', 'sab <= Node'],
  ['setImmediate hop (one loop iteration)', 'ns', 'immediateHop', 'sab <= Node / 2'],
  ['setImmediate hop, a socket open (epoll_wait each iteration, as Node always does)', 'ns', 'immediateHopWithOpenSocket', 'sab <= Node / 2'],
  ['memory per pending timer, 1,000,000 pending', 'bytes', 'bytesPerTimer', 'sab <= 200 bytes'],
];
console.log('| measure | unit | sab (median) | Node ' + process.version + ' (median) | sab / Node | goal |');
console.log('|---|---|---|---|---|---|');
for (const [label, unit, key, goal] of rows) {
  console.log(`| ${label} | ${unit} | ${fmt(sab[key])} | ${fmt(node[key])} | ${(sab[key] / node[key]).toFixed(2)} | ${goal} |`);
}
console.log('\n' + os.cpus().length + ' CPUs (' + os.cpus()[0].model.trim() + '), ' + os.platform() + ' ' + os.release()
  + ', load average ' + os.loadavg().map((l) => l.toFixed(1)).join(' ') + ', ' + new Date().toISOString());
