"""Excel in and out: the reader of input workbooks and the writers of output workbooks."""
