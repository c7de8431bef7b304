// Command goref measures, in real Go, the three things issue 5 sets goals for gmp against, so that
// benchmarks/README.md can put Go's own figures from the same machine beside gmp's and the JDK's:
//
//	goref spawn     one goroutine starts batches of 10,000 goroutines that do nothing
//	                (SpawnBenchmark.fromTask): ns per goroutine, per iteration
//	goref pingpong  a round trip between two goroutines over unbuffered channels
//	                (PingPongBenchmark.roundTrip; Go has no user-level futex): ns per round trip
//	goref sleepers N SECONDS
//	                N goroutines each sleeping SECONDS (SleepersFootprint): resident memory and
//	                Go's own memory statistics per goroutine, and how late they wake
//
// Run it through benchmarks/scripts/go-reference.sh, which builds it and sets GOMAXPROCS.
package main

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	batch       = 10_000 // goroutines per spawn iteration, as SpawnBenchmark.BATCH
	roundTrips  = 20_000 // round trips per ping-pong iteration, as PingPongBenchmark.ROUND_TRIPS
	warmups     = 3      // warm-up iterations, as the JMH runs' -wi 3
	iterations  = 15     // measured iterations, as the JMH runs' 3 forks x 5
	iterationNs = int64(time.Second)
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "spawn":
		report("spawn (a goroutine starts 10,000)", "ns/goroutine", measure(spawnBatch, batch))
	case "pingpong":
		report("ping-pong over unbuffered channels", "ns/round trip", measure(pingPong, roundTrips))
	case "sleepers":
		if len(os.Args) != 4 {
			usage()
		}
		n, err1 := strconv.Atoi(os.Args[2])
		secs, err2 := strconv.Atoi(os.Args[3])
		if err1 != nil || err2 != nil || n <= 0 || secs <= 0 {
			usage()
		}
		sleepers(n, time.Duration(secs)*time.Second)
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: goref spawn | goref pingpong | goref sleepers N SECONDS")
	os.Exit(2)
}

// measure runs op (which does ops operations) for warm-up iterations and then measured ones of
// about a second each, and returns ns per operation of each measured iteration.
func measure(op func(), ops int) []float64 {
	var perOp []float64
	for i := 0; i < warmups+iterations; i++ {
		start := time.Now()
		calls := 0
		for time.Since(start).Nanoseconds() < iterationNs {
			op()
			calls++
		}
		if i >= warmups {
			perOp = append(perOp, float64(time.Since(start).Nanoseconds())/float64(calls*ops))
		}
	}
	return perOp
}

func report(what, unit string, perOp []float64) {
	sorted := append([]float64(nil), perOp...)
	sort.Float64s(sorted)
	fmt.Printf("%s, %s, GOMAXPROCS=%d: median %.0f %s (min %.0f, max %.0f, %d iterations)\n",
		runtime.Version(), what, runtime.GOMAXPROCS(0), sorted[len(sorted)/2], unit,
		sorted[0], sorted[len(sorted)-1], len(sorted))
}

func spawnBatch() {
	var wg sync.WaitGroup
	wg.Add(batch)
	for i := 0; i < batch; i++ {
		go wg.Done()
	}
	wg.Wait()
}

func pingPong() {
	ping := make(chan struct{})
	pong := make(chan struct{})
	done := make(chan struct{})
	go func() {
		for i := 0; i < roundTrips; i++ {
			<-ping
			pong <- struct{}{}
		}
		close(done)
	}()
	for i := 0; i < roundTrips; i++ {
		ping <- struct{}{}
		<-pong
	}
	<-done
}

// sleepers: a warm-up wave, then one wave measured for memory once all sleep (after a collection,
// as SleepersFootprint does) and one for lateness with nothing forced.
func sleepers(n int, sleep time.Duration) {
	wave(20_000, 200*time.Millisecond, nil, false)
	late := make([]int64, n) // allocated before the baseline: not a sleeper's memory
	runtime.GC()
	rssBefore := rss()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	asleep := wave(n, sleep, late, true)
	timed := wave(n, sleep, late, false)
	sort.Slice(late, func(i, j int) bool { return late[i] < late[j] })
	fmt.Printf("%s, GOMAXPROCS=%d: %d goroutines sleeping %s\n", runtime.Version(), runtime.GOMAXPROCS(0), n, sleep)
	fmt.Printf("  asleep: resident %.0f B per goroutine (VmRSS); Go's Sys %.0f B, stacks in use %.0f B, heap in use %.0f B per goroutine\n",
		float64(asleep.rss-rssBefore)/float64(n),
		float64(asleep.mem.Sys-before.Sys)/float64(n),
		float64(asleep.mem.StackInuse-before.StackInuse)/float64(n),
		float64(asleep.mem.HeapInuse-before.HeapInuse)/float64(n))
	fmt.Printf("  late: p50 %.3f s, p99 %.3f s, max %.3f s; all done %.3f s after the last deadline\n",
		float64(late[n/2])/1e9, float64(late[n*99/100])/1e9, float64(late[n-1])/1e9,
		float64(timed.lastEndAfterLastDeadline)/1e9)
}

type waveResult struct {
	rss                      int64
	mem                      runtime.MemStats
	lastEndAfterLastDeadline int64
}

func wave(n int, sleep time.Duration, late []int64, measure bool) waveResult {
	var wg sync.WaitGroup
	var asleep atomic.Int64
	var lastDeadline atomic.Int64
	wg.Add(n)
	for i := 0; i < n; i++ {
		k := i
		go func() {
			deadline := time.Now().Add(sleep).UnixNano()
			for {
				last := lastDeadline.Load()
				if deadline <= last || lastDeadline.CompareAndSwap(last, deadline) {
					break
				}
			}
			asleep.Add(1)
			time.Sleep(sleep)
			if late != nil {
				late[k] = time.Now().UnixNano() - deadline
			}
			wg.Done()
		}()
	}
	for asleep.Load() < int64(n) {
		time.Sleep(10 * time.Millisecond)
	}
	var r waveResult
	if measure {
		runtime.GC()
		r.rss = rss()
		runtime.ReadMemStats(&r.mem)
	}
	wg.Wait()
	r.lastEndAfterLastDeadline = time.Now().UnixNano() - lastDeadline.Load()
	return r
}

// rss is VmRSS of this process in bytes, or 0 where /proc is not there.
func rss() int64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "VmRSS:"), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}
