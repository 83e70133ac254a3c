package io.loadgrid.testbed.http;

/** Passed from assembler to exchange handler: the client waits for "100 Continue" before sending its body. */
record ExpectContinue(boolean control) {}
