# Mutant: dbn_train never shows progress bars, not even on a terminal.
import dbn_book.cli as cli
cli._bars = lambda args: False
