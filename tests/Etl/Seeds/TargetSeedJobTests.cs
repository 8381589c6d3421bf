using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class TargetSeedJobTests
{
    private const string Header = "indicator_code,area_code,sex,comparator,target_value,deadline_year,task_no,phrase";

    private static readonly string[] Valid =
    [
        Header,
        "W_EMP_TRAINED,610100,F,>=,60000,2020,4,不少于6万人",
        "C_KG_GER,610100,T,>=,98,2020,16,在98%以上",
    ];

    private static SeedTestWarehouse Prepared()
    {
        var w = new SeedTestWarehouse();
        AreaSeedJob.Run(w.Connection, w.Run(AreaSeedJob.Job), w.Write("areas.csv",
            "area_code,area_name,area_level,parent_code,is_central", "100000,中国,country,,", "610000,陕西省,province,100000,", "610100,西安市,city,610000,"));
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), w.Write("indicators.csv",
            "indicator_code,name_zh,name_en,unit_of_measure,measure_kind,sex_disaggregated,direction,population,lower_bound,upper_bound,task_nos,source",
            "W_EMP_TRAINED,参加就业创业培训的妇女人数,,persons,count,true,higher,women,0,,4,",
            "C_KG_GER,城乡幼儿园毛入园率,,%,rate,false,higher,children,0,100,16,",
            "C_IMR,婴儿死亡率,,‰,rate,true,lower,children,0,1000,,"));
        return w;
    }

    [Theory]
    [InlineData("X_NONE,610100,T,>=,1,2020,,x", "targets.csv line 4: indicator_code X_NONE is not in dim_indicator")]
    [InlineData("C_IMR,610199,T,<=,10,2020,,x", "targets.csv line 4: area_code 610199 is not in dim_area")]
    [InlineData("C_IMR,610100,W,<=,10,2020,,x", "targets.csv line 4: sex 'W' is not one of F, M, T")]
    [InlineData("W_EMP_TRAINED,610100,T,>=,1,2019,,x", "targets.csv line 4: sex T for W_EMP_TRAINED, an indicator of women: use F")]
    [InlineData("C_KG_GER,610100,F,>=,98,2019,,x", "targets.csv line 4: sex F for C_KG_GER, which is not sex-disaggregated: use T")]
    [InlineData("C_IMR,610100,T,<,10,2020,,x", "targets.csv line 4: comparator '<' is not one of >=, <=, =")]
    [InlineData("C_IMR,610100,T,<=,十,2020,,x", "targets.csv line 4: target_value '十' is not a number")]
    [InlineData("W_EMP_TRAINED,610100,F,>=,1e308,2020,,x", "targets.csv line 4: target_value 1e308 is beyond ±1e12, the largest magnitude the warehouse accepts")]
    [InlineData("C_IMR,610100,T,<=,Infinity,2020,,x", "targets.csv line 4: target_value 'Infinity' is not a number")]
    [InlineData("C_KG_GER,610100,T,>=,101,2019,,x", "targets.csv line 4: target_value 101 is outside the bounds of C_KG_GER [0, 100]")]
    [InlineData("W_EMP_TRAINED,610100,F,>=,-5,2019,,x", "targets.csv line 4: target_value -5 is outside the bounds of W_EMP_TRAINED [0, ∞]")]
    [InlineData("C_IMR,610100,T,<=,10,2200,,x", "targets.csv line 4: deadline_year 2200 is not in dim_year")]
    [InlineData("C_IMR,610100,T,<=,10,,,x", "targets.csv line 4: deadline_year is empty")]
    [InlineData("C_IMR,610100,T,<=,10,2020,,", "targets.csv line 4: phrase is empty")]
    [InlineData("C_KG_GER,610100,T,>=,99,2020,16,再写一次", "targets.csv line 4: a target for C_KG_GER, area 610100, sex T, 2020 is already on line 3")]
    public void Run_BadRow_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = Prepared();
        var path = w.Write("targets.csv", [.. Valid, badRow]);
        var ex = Assert.Throws<WccException>(() => TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path));
        Assert.StartsWith(expected, ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_target"));
    }

    [Fact]
    public void Run_UnknownTask_IsRefusedOnceTheNoticeIsLoaded()
    {
        using var w = Prepared();
        var path = w.Write("targets.csv", [.. Valid, "C_IMR,610100,T,<=,10,2020,39,x"]);
        Assert.Equal(3, TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path).Loaded);

        w.InsertTasks(38);
        var ex = Assert.Throws<WccException>(() => TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path));
        Assert.StartsWith("targets.csv line 4: task_no 39 is not a task of the notice", ex.Message);
    }

    [Fact]
    public void Run_SexDisaggregatedChildrenIndicator_AcceptsFAndM()
    {
        using var w = Prepared();
        var path = w.Write("targets.csv", Header, "C_IMR,610100,F,<=,9,2020,,x", "C_IMR,610100,M,<=,11,2020,,x", "C_IMR,610100,T,<=,10,2020,,x");
        Assert.Equal(3, TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path).Loaded);
    }

    [Fact]
    public void Run_Reload_ReplacesOwnOriginOnly()
    {
        using var w = Prepared();
        var path = w.Write("targets.csv", Valid);
        TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path);
        TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path);
        Assert.Equal(2, w.Scalar("SELECT count(*) FROM fact_target"));

        var mine = w.Write("my-targets.csv", Header, "C_IMR,610100,T,<=,8,2025,,研究者设定");
        TargetSeedJob.Run(w.Connection, w.Run("load_targets"), mine, origin: "researcher");
        TargetSeedJob.Run(w.Connection, w.Run(TargetSeedJob.Job), path);
        Assert.Equal(3, w.Scalar("SELECT count(*) FROM fact_target"));

        var clash = w.Write("clash.csv", Header, "C_KG_GER,610100,T,>=,99,2020,,x");
        var ex = Assert.Throws<WccException>(() => TargetSeedJob.Run(w.Connection, w.Run("load_targets"), clash, origin: "researcher"));
        Assert.StartsWith("clash.csv line 2: a target for C_KG_GER, area 610100, sex T, 2020 is already loaded by another file", ex.Message);
    }
}
