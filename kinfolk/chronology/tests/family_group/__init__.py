"""An app that the tests install to show that a new app's chronology kinds need no central
edit: it declares a kind in its own ``registrations`` module and nothing else."""
