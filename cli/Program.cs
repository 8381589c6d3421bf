using System.Text;
using Wcc.Cli.Commands;

// The CLI only parses arguments and hands them to one use case per command (see Commands/).
Console.OutputEncoding = Encoding.UTF8;
Wcc.Warehouse.Connection.WarehouseFile.Notices = Console.Error;

return WccCommandLine.Create().Parse(args).Invoke();
