"""Reviewing what Chorus drafted, and reading a document again with a newer extractor.

- `fingerprints`: what makes two calls to action "the same" across extractor versions;
- `selectors`: the review screen's items with their evidence, and what a re-read would offer;
- `services`: accepting or deleting a drafted item (remembered per campaign), and adding or
  declining what a re-read offered.
"""
