/// The desk's working-day calendar is the measure deadline clocks run on.
extension WorkingCalendar: WorkingTimeMeasure {}
