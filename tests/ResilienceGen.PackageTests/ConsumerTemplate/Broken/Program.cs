using Consumer.Broken;

Console.WriteLine(await new MissingBody().GetCountAsync(CancellationToken.None));
