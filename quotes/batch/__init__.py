"""Jobs over archives: inputs, the status file and resume, worker pools, Dask, progress."""
