using Wcc.Tests.Support;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Cli.Commands;

[Trait("Category", "Slow")]
public class LoadCommandTests
{
    [Fact]
    public void Load_ResearchersOwnIndicatorSetWithNationalArea_LoadsEverythingAndForecasts()
    {
        using var tmp = new TempDirectory();
        var db = tmp.File("w.duckdb");
        Assert.Equal(0, WccProcess.Run(RepoPaths.Root, "build", "--db", db).ExitCode);
        File.WriteAllText(tmp.File("areas.csv"), "area_code,area_name,area_level,parent_code,is_central\n110000,北京市,province,100000,false\n");
        File.WriteAllText(tmp.File("indicators.csv"),
            "indicator_code,name_zh,name_en,unit_of_measure,measure_kind,sex_disaggregated,direction,population,lower_bound,upper_bound,task_nos,source\n" +
            "N_HS_GER,全国高中阶段毛入学率,National upper-secondary GER,%,rate,true,higher,children,0,100,,national: 中国儿童发展纲要(2011-2020)\n");
        File.WriteAllText(tmp.File("targets.csv"),
            "indicator_code,area_code,sex,comparator,target_value,deadline_year,task_no,phrase\n" +
            "N_HS_GER,100000,T,>=,90,2020,,高中阶段毛入学率达到90%\n");
        var rows = Enumerable.Range(2010, 9).SelectMany(y => new[] { "100000", "110000" }.Select(a => $"N_HS_GER,{a},{y},T,{82.5 + (y - 2010) * 0.9:0.0}"));
        File.WriteAllLines(tmp.File("obs.csv"), ["indicator_code,area_code,year,sex,value", .. rows, "N_HS_GER,999999,2015,T,80"]);

        var load = WccProcess.Run(tmp.Path, "load", "--db", db, "--areas", tmp.File("areas.csv"), "--indicators", tmp.File("indicators.csv"),
            "--targets", tmp.File("targets.csv"), "--observations", tmp.File("obs.csv"));
        Assert.True(load.ExitCode == 0, load.Stderr + load.Stdout);
        Assert.Contains("read 19 = loaded 18 + rejected 1", load.Stdout);

        var forecast = WccProcess.Run(tmp.Path, "forecast", "--db", db, "--as-of", "2018");
        Assert.True(forecast.ExitCode == 0, forecast.Stderr + forecast.Stdout);
        using var connection = WarehouseFile.Open(db, WarehouseAccess.ReadOnly);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM v_forecast WHERE indicator_code = 'N_HS_GER' AND area_code = '100000' AND as_of_year = 2018";
        Assert.Equal((long)Wcc.Analytics.Forecast.Model.MethodNames.All.Count, Convert.ToInt64(cmd.ExecuteScalar())); // one row per method
        cmd.CommandText = "SELECT origin FROM dim_indicator WHERE indicator_code = 'N_HS_GER'";
        Assert.Equal("file:indicators.csv", cmd.ExecuteScalar());
    }

    [Fact]
    public void Load_MissingFile_ClearMessageNoStackTrace()
    {
        using var tmp = new TempDirectory();
        // An existing warehouse, so the missing file (not the missing warehouse) is what is reported.
        var r = WccProcess.Run(tmp.Path, "load", "--db", tmp.EmptyWarehouse(), "--observations", tmp.File("nope.csv"));
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("nope.csv", r.Stderr);
        Assert.False(r.HasStackTrace);
    }
}
