/** What a node is: its place in the network (configuration), its data directory and its identity key. */
package io.sigil.node;
