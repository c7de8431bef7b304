/**
 * The harness's insides: the forked trial process and its entry point, the channel shared with it
 * and the watcher of its memory, the iteration drivers and their recorders, the responsiveness
 * probe, and the readers of {@code /proc} and {@code getrusage}. Nothing here is API.
 */
package dev.sab.harness.internal;
