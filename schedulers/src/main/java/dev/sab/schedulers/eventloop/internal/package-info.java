/**
 * The libuv half of the event loop (not exported): the loop and its phases ({@link
 * dev.sab.schedulers.eventloop.internal.UvLoop}), handles and their ref counting, the timer heap,
 * the Selector-based poller, async handles, the thread pool, the single-thread queues the
 * JavaScript layer drains, the loop's counters, the watchdog, and structured clone. Nothing here
 * knows JavaScript: the API package above plays Node's part and reaches this package through
 * handles, as Node's bindings reach libuv. See the API package's documentation for the model.
 */
package dev.sab.schedulers.eventloop.internal;
