import DeskResources
print(DeskResources.probe.count)
