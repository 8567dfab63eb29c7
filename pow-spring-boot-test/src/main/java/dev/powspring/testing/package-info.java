/**
 * Pow's test kit for applications: requests as a signed-in user in MockMvc and
 * {@code @WebMvcTest} tests ({@link dev.powspring.testing.WithPowUser},
 * {@link dev.powspring.testing.PowMockMvc}), signed-in sessions for real-HTTP tests
 * ({@link dev.powspring.testing.PowTestSessions}), the mails Pow sent
 * ({@link dev.powspring.testing.CapturedMails}), and cheap password hashing.
 */
package dev.powspring.testing;
