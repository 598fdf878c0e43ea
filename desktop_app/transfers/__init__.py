"""The transfer engine (queue, state machine, multipart, journal). No Qt here."""
