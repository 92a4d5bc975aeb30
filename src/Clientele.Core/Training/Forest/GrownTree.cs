namespace Clientele.Core.Training.Forest;

/// <summary>
/// One trained tree in flat arrays, node 0 the root, children indices local to the tree; a leaf has
/// <c>Left = -1</c>. Every node keeps its mean so path attributions can diff parent and child, and its
/// cover (bootstrap weight of the training rows reaching it) so exact TreeSHAP can weigh the branches not taken.
/// </summary>
internal sealed record GrownTree(int[] Feature, float[] Threshold, int[] Left, int[] Right, double[] Value, double[] Cover);
