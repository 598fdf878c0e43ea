"""Bucket administration: the tree's bucket menu, New bucket and Delete bucket."""
