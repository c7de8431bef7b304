// Five blocking jobs on a thread pool of four. Each job is a read that blocks a pool thread until its
// data arrives (a FIFO opened read-write, so the read blocks and the open does not). Job 5's data is
// ready at 50 ms, the others' at 200 ms; but job 5 is fifth in the queue, so it cannot start until a
// thread frees up at 200 ms: it never finishes first.
process.env.UV_THREADPOOL_SIZE = '4';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const log = (s) => console.log(s);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sab-pool-'));
const fds = [];
for (let i = 1; i <= 5; i++) {
  const fifo = path.join(dir, 'job' + i);
  execFileSync('mkfifo', [fifo]);
  fds[i] = fs.openSync(fifo, fs.constants.O_RDWR); // a FIFO opened read-write: open never blocks, read does
}
const start = Date.now();
const finished = [];
for (let i = 1; i <= 5; i++) {
  fs.read(fds[i], Buffer.alloc(1), 0, 1, null, () => {
    finished.push({ id: i, at: Date.now() - start });
    if (finished.length === 5) {
      log('all done: ' + finished.map((f) => f.id).sort().join(','));
      log('job 5 finished before any of jobs 1-4: ' + (finished[0].id === 5));
      const five = finished.find((f) => f.id === 5);
      log('job 5 waited for a thread long after its data was ready: ' + (five.at >= 150));
      for (let j = 1; j <= 5; j++) fs.closeSync(fds[j]);
      fs.rmSync(dir, { recursive: true });
    }
  });
}
log('queued 5 blocking reads on a pool of 4');
setTimeout(() => { log('data for job 5 is ready (50 ms)'); fs.writeSync(fds[5], 'x'); }, 50);
setTimeout(() => { log('data for jobs 1-4 is ready (200 ms)'); for (let i = 1; i <= 4; i++) fs.writeSync(fds[i], 'x'); }, 200);
