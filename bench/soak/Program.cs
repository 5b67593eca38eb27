using EnMasse.Soak;

// bench/soak/run passes: the webhook's built dll, the repository root, the run's seconds and the number of clients.
return await SoakRun.RunAsync(args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
