// The AI SDK writes each warning of a call (a family that takes no tools, …) to the console as
// well as returning it; the tests assert on the returned warnings, so the copies stay out of the
// run's output.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
