// ComplaintJournal
