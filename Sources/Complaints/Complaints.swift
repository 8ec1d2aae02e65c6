// Complaints
