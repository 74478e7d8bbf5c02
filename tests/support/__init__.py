"""What several test modules share: builders, inputs, plug-in rules."""
