/** Chinese segmentation shared by both stores: domain dictionary first, SmartCN for the rest, sub-word bigrams. */
package org.finassist.rag.segment;
