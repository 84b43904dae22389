"""Pictures of a graph: the network projection, its layout and drawing, the HTML page, the timeline."""
