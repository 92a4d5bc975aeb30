using Clientele.Core.History;
using Clientele.Core.Ingest;
using Clientele.Core.Lexicon;

namespace Clientele.Workflows.Training;

/// <summary>What training or scoring from transactions reads: the purchases, the notes (possibly none) and the lexicon.</summary>
/// <param name="Ledger">Every client's purchases, netted per day.</param>
/// <param name="Notes">The notes read (empty when no notes file was given).</param>
/// <param name="Lexicon">The lexicon the notes are read with (the bundle's when scoring).</param>
/// <param name="Source">The transactions file's name, for messages.</param>
public sealed record PurchaseData(PurchaseLedger Ledger, IReadOnlyList<Note> Notes, ConceptLexicon Lexicon, string Source);
