"""The transfer queue, drag in and out, conflicts and unfinished uploads."""
