namespace Commissioning.Infrastructure.KeyDates;

/// <summary>
/// A message did not go: the relay could not be reached, would not encrypt or sign in, refused the sender or
/// recipient, or no OAuth token could be had. The message says which, in words for the log.
/// </summary>
public sealed class MailNotSentException(string message, Exception? inner = null) : Exception(message, inner);
