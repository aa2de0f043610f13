namespace NewsPortal.Web.Localization;

/// <summary>
/// The reader site's interface strings. The Arabic text is the key, so Arabic pages need no lookup
/// table and a view reads as the page it renders; <c>ReaderText.en.resx</c> holds the English.
/// </summary>
public sealed class ReaderText;
